extends SceneTree

func _init():
	print([])
	print([1, 2.0, "s", null, true])
	print([[1, [2, [3]]], []])
	print({})
	print({"a": 1, "b": [1, 2], 3: "three", 2.5: null})
	print({"outer": {"inner": {"deep": 1}}})
	print([{"x": 1}, {}])
	print(str([1, "two"]))
	print(["quoted \"str\"", "new\nline"])
	print({"k": "v"}, [1])
	quit()
