extends SceneTree

class ByLength:
	static func shorter(a, b):
		return a.length() < b.length()

	func longer(a, b):
		return a.length() > b.length()

func descending(a, b):
	return a > b

func _init():
	var nums = [5, 2, 9, 1, 5, 6]
	nums.sort()
	print(nums)
	var words = ["pear", "fig", "banana", "kiwi"]
	words.sort()
	print(words)
	words.sort_custom(ByLength, "shorter")
	print(words)
	words.sort_custom(ByLength.new(), "longer")
	print(words)
	nums.sort_custom(self, "descending")
	print(nums)
	var mixed = [3, "a", 1.5, null, true, [0]]
	mixed.sort()
	print(mixed)
	var floats = [2.5, -1, 0.0, 10]
	floats.sort()
	print(floats)
	nums.invert()
	print(nums)
	quit()
