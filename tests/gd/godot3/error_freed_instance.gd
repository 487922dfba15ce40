extends SceneTree

func use(node):
	print(node.name)
	return "used"

func call_method(node):
	return node.get_child_count()

func _init():
	var n = Node.new()
	n.name = "Temp"
	print(use(n))
	n.free()
	print(use(n))
	print(call_method(n))
	print("end")
	quit()
