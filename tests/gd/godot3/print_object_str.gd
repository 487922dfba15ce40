extends SceneTree

class Plain:
	var x = 1

class Named:
	func _to_string():
		return "Named!"

func masked(obj):
	return str(obj).replace(str(obj.get_instance_id()), "ID")

func _init():
	var p = Plain.new()
	print(masked(p))
	var n = Named.new()
	print(n)
	print(str(n))
	print([n, n])
	print({"key": n})
	var node = Node.new()
	node.name = "MyNode"
	print(node.name)
	print(masked(node))
	node.free()
	print(masked(Reference.new()))
	var timer = Timer.new()
	print(masked(timer), " ", timer.get_class())
	timer.free()
	quit()
