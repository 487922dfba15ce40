extends SceneTree

func _init():
	var words = ["banana", "Apple", "cherry", "apple", "Banana", "_x", "10", "9"]
	var sorted = words.duplicate()
	sorted.sort()
	print(sorted)
	print("apple" == "apple", " ", "apple" == "Apple", " ", "a" < "b", " ", "B" < "a")
	print("abc".hash() == "abc".hash(), " ", "abc".hash() == "abd".hash())
	print("abc".casecmp_to("abd"), " ", "abc".nocasecmp_to("ABC"), " ", "b".casecmp_to("a"))
	print("".length(), " ", "".empty(), " ", " ".empty())
	quit()
