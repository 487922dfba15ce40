extends SceneTree

func _init():
	var arr = [1, 2.7, "3"]
	print(PoolIntArray(arr), " ", PoolRealArray(arr), " ", PoolStringArray(arr))
	var bytes = "héllo".to_utf8()
	print(bytes.size(), " ", Array(bytes), " ", bytes.get_string_from_utf8())
	var compressed = PoolByteArray([1, 1, 1, 1, 1, 1, 1, 1]).compress()
	print(compressed.size() > 0, " ", Array(compressed.decompress(8)))
	var v2 = PoolVector2Array([Vector2(1, 2)])
	print(Array(v2), " ", typeof(Array(v2)[0]))
	var back = Array(PoolStringArray(["a", "b"]))
	back.append(1)
	print(back)
	quit()
