extends SceneTree

class MathBox:
	const OFFSET = 100
	static func add(a, b):
		return a + b + OFFSET
	func instance_add(a):
		return add(a, 1)

static func outer_static():
	return "outer static"

func _init():
	print(MathBox.add(1, 2))
	var box = MathBox.new()
	print(box.add(3, 4), " ", box.instance_add(5))
	print(outer_static(), " ", self.outer_static())
	print(MathBox.OFFSET, " ", box.OFFSET)
	quit()
