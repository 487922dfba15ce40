extends SceneTree

func _init():
	var texts = ["1", "1.5", "true", "null", "\"s\"", "[1, 2]", "{\"a\": 1}",
		"Vector2( 1, 2 )", "Color( 1, 0, 0, 1 )", "PoolIntArray( 1, 2 )",
		"Rect2( 1, 2, 3, 4 )", "inf", "nan", "-0.0", "1e3"]
	for t in texts:
		var v = str2var(t)
		print(t, " -> ", v, " type ", typeof(v))
	var round_trip = {"v": Vector3(1, 2, 3), "a": [1, "x"], "n": null}
	print(str2var(var2str(round_trip)))
	quit()
