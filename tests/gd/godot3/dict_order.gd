extends SceneTree

func _init():
	var d = {}
	d["zebra"] = 1
	d["apple"] = 2
	d[10] = 3
	d[2] = 4
	d["mango"] = 5
	print(d)
	print(d.keys())
	print(d.values())
	var literal = {"b": 1, "a": 2, 3: "c", 1: "d"}
	print(literal)
	print(literal.keys())
	d.erase("apple")
	d["apple"] = 6
	print(d)
	for k in d:
		printraw(k, "=", d[k], " ")
	print()
	quit()
