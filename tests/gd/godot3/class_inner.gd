extends SceneTree

class Figure:
	var name = "shape"
	func area():
		return 0
	func info():
		return "%s area=%s" % [name, area()]

class Square extends Figure:
	var side
	func _init(s):
		side = s
		name = "square"
	func area():
		return side * side

class Cube extends Square:
	func _init(s).(s):
		name = "cube"
	func area():
		return 6 * .area()

class Outer:
	class Nested:
		func hello():
			return "nested hello"

func _init():
	var shapes = [Figure.new(), Square.new(3), Cube.new(2)]
	for s in shapes:
		print(s.info())
	print(Outer.Nested.new().hello())
	print(shapes[2] is Square, " ", shapes[2] is Figure, " ", shapes[0] is Square)
	print(shapes[1] is Reference, " ", shapes[1] is Node)
	quit()
