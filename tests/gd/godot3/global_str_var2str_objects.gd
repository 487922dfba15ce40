extends SceneTree

class Named:
	func _to_string():
		return "<named>"

func _init():
	var n = Named.new()
	print(str(n), " ", str([n]), " ", "%s" % n)
	print(str(Vector2(1, 2)), " ", str(Color(1, 1, 1)), " ", str(Rect2()), " ", str(NodePath("a")))
	print(str({"v": Vector3(1, 2, 3)}), " ", str(PoolIntArray([1])), " ", str(PoolByteArray([1])))
	print(var2str([Vector2(1, 2), {"c": Color(1, 0, 0)}]))
	print(str(1) + str(1.0) + str(true) + str(null))
	quit()
