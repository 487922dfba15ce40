extends SceneTree

func _init():
	var d = {}
	d[1] = "int one"
	d[1.0] = "float one"
	d["1"] = "string one"
	d[true] = "bool"
	d[null] = "null key"
	d[Vector2(1, 1)] = "vector"
	d[[1]] = "array key"
	print(d.size())
	print(d[1], " | ", d[1.0], " | ", d["1"], " | ", d[true], " | ", d[null])
	print(d[Vector2(1, 1)], " | ", d[[1]])
	print(d)
	for k in d.keys():
		printraw(typeof(k), " ")
	print()
	quit()
