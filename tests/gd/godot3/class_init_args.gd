extends SceneTree

class Point:
	var x
	var y
	func _init(px = 0, py = 0):
		x = px
		y = py
		print("init ", x, ",", y)
	func _to_string():
		return "P(%s, %s)" % [x, y]

class Labeled extends Point:
	var label
	func _init(l, px, py).(px, py):
		label = l
		print("labeled init ", label)
	func _to_string():
		return label + ":" + ._to_string()

func _init():
	print(Point.new())
	print(Point.new(1))
	print(Point.new(1, 2))
	print(Labeled.new("L", 5, 6))
	quit()
