extends SceneTree

func bad_node_path():
	var n = Node.new()
	var child = n.get_node("does/not/exist")
	print("child: ", child)
	n.free()

func bad_add_child():
	var parent = Node.new()
	parent.name = "Dad"
	var child = Node.new()
	child.name = "Kid"
	parent.add_child(child)
	parent.add_child(child)
	parent.free()

func _init():
	bad_node_path()
	bad_add_child()
	print([1, 2, 3].pop_front(), " ", [].front())
	print("end")
	quit()
