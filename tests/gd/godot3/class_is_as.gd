extends SceneTree

class Base:
	pass

class Child extends Base:
	pass

func check(value):
	return [value is Base, value is Child, value is Reference, value is Object]

func _init():
	print(check(Base.new()))
	print(check(Child.new()))
	var n = Node2D.new()
	print(n is Node, " ", n is CanvasItem, " ", n is Spatial)
	var as_node = n as Node
	print(as_node == n)
	var as_spatial = n as Spatial
	print(as_spatial)
	var c = Child.new()
	var as_base = c as Base
	print(as_base == c)
	print(typeof(1) == TYPE_INT)
	n.free()
	quit()
