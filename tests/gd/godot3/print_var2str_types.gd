extends SceneTree

func _init():
	var values = [1, -5, true, null, "s\"q", [1, [2]], {"a": {"b": 2}},
		Vector2(1, 2), Vector3(1, 2, 3), Rect2(0, 0, 1, 1), Color(1, 0, 0),
		Transform2D(), Basis(), Quat(), AABB(Vector3(), Vector3(1, 1, 1)),
		Plane(1, 0, 0, 2), Transform(), NodePath("x/y"),
		PoolByteArray([1, 2]), PoolIntArray([3]), PoolRealArray([0.5]),
		PoolStringArray(["p"]), PoolVector2Array([Vector2(1, 1)]),
		PoolVector3Array([Vector3(1, 1, 1)]), PoolColorArray([Color(0, 0, 0)])]
	for v in values:
		print(var2str(v))
	quit()
