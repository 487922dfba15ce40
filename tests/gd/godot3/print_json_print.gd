extends SceneTree

func _init():
	var values = [1, -3, 1.0, 0.5, 0.1 + 0.2, 1e20, true, null, "q\"uote\n\ttab/\\",
		[1, [2, 3]], {"b": 1, "a": [true, null]}, {1: "int key"}, Vector2(1, 2), [],
		{}, "é ü \u263A"]
	for v in values:
		print(to_json(v))
	print(JSON.print({"a": 1, "b": [1, 2]}, "  "))
	print(JSON.print({"z": 1, "a": 2}, "", true))
	print(JSON.print([1, {"x": []}], "\t"))
	quit()
