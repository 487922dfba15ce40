extends SceneTree

func _init():
	print(PoolByteArray([1, 2, 255]))
	print(PoolIntArray([1, -2, 3]))
	print(PoolRealArray([1.5, 2, 0.1]))
	print(PoolStringArray(["a", "b c"]))
	print(PoolVector2Array([Vector2(1, 2), Vector2(3, 4)]))
	print(PoolVector3Array([Vector3(1, 2, 3)]))
	print(PoolColorArray([Color(1, 0, 0)]))
	print(PoolIntArray())
	print(str(PoolByteArray([0, 10])))
	print(PoolStringArray(["x", "y"]).join("-"))
	print(PoolByteArray([104, 105]).get_string_from_utf8())
	quit()
