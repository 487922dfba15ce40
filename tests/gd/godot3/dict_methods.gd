extends SceneTree

func _init():
	var d = {"a": 1, "b": null, 5: [1, 2]}
	print(d.has("a"), " ", d.has("b"), " ", d.has("z"), " ", d.has(5), " ", d.has(5.0))
	print(d.has_all(["a", 5]), " ", d.has_all(["a", "q"]))
	print(d.get("a"), " ", d.get("z"), " ", d.get("z", "default"), " ", d.get("b", "dflt"))
	print(d.size(), " ", d.empty(), " ", {}.empty())
	print(d.erase("a"), " ", d.erase("a"), " ", d)
	print("b" in d, " ", "a" in d)
	d.clear()
	print(d, " ", d.size())
	var h1 = {"x": 1, "y": 2}.hash()
	var h2 = {"x": 1, "y": 2}.hash()
	print(h1 == h2)
	print({"x": 1} == {"x": 1})
	quit()
