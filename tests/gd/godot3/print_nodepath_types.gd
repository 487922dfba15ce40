extends SceneTree

func _init():
	var p = NodePath("Parent/Child:position:x")
	print(p, " ", p.get_name_count(), " ", p.get_subname_count(), " ", p.is_absolute())
	print(p.get_name(0), " ", p.get_name(1), " ", p.get_subname(0), " ", p.get_concatenated_subnames())
	var abs_path = NodePath("/root/Main")
	print(abs_path, " ", abs_path.is_absolute(), " ", abs_path.is_empty(), " ", NodePath().is_empty())
	print(str(p), " ", var2str(p))
	print(typeof(p) == TYPE_NODE_PATH, " ", @"A/B")
	print(NodePath("a") == NodePath("a"))
	quit()
