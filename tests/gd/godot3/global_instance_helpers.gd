extends SceneTree

class Data:
	var v = 1

func _init():
	var n = Node.new()
	print(is_instance_valid(n))
	n.free()
	print(is_instance_valid(n))
	var d = Data.new()
	var w = weakref(d)
	print(w.get_ref() != null, " ", w.get_ref().v)
	d = null
	print(w.get_ref())
	var keep = Data.new()
	var found = instance_from_id(keep.get_instance_id())
	print(found == keep, " ", found.v)
	print(is_instance_valid(keep), " ", is_instance_valid(null))
	var node = Node.new()
	var nw = weakref(node)
	print(nw.get_ref() == node)
	node.free()
	print(nw.get_ref())
	quit()
