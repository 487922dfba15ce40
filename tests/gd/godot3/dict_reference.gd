extends SceneTree

func fill(dict):
	dict["filled"] = true

func _init():
	var a = {"n": 1}
	var b = a
	b["m"] = 2
	print(a)
	fill(a)
	print(b)
	var shallow = {"list": [1], "x": 0}
	var copy = shallow.duplicate()
	var deep = shallow.duplicate(true)
	shallow["list"].append(2)
	shallow["x"] = 9
	print(copy)
	print(deep)
	var nested = {"inner": {"v": 1}}
	var alias = nested["inner"]
	alias["v"] = 100
	print(nested)
	print(a.n)
	a.n = 5
	a.newkey = "dot set"
	print(a)
	quit()
