extends SceneTree

func _init():
	var d = {"a": 1, "b": 2, "c": 3, "d": 4}
	for k in d.keys():
		if d[k] % 2 == 0:
			d.erase(k)
	print(d, " ", d.keys())
	d["b"] = 20
	print(d.keys(), " ", d.values())
	var empty = {}
	print(empty.keys(), " ", empty.values(), " ", empty.get("x", []))
	var keys_copy = d.keys()
	keys_copy.append("zzz")
	print(d.size(), " ", keys_copy.size())
	quit()
