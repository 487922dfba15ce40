extends SceneTree

func _init():
	var a = [5, "x", 3.0, 5, null, [1]]
	print(a.find(5), " ", a.find(5, 1), " ", a.find("y"), " ", a.rfind(5), " ", a.find_last(5))
	print(a.has(3), " ", a.has(3.0), " ", a.has([1]), " ", a.has(null))
	print(a.count(5), " ", a.count(3))
	print(5 in a, " ", "x" in a, " ", 7 in a)
	print(a.front(), " ", a.back())
	var sorted = [1, 3, 3, 5, 9]
	print(sorted.bsearch(3), " ", sorted.bsearch(3, false), " ", sorted.bsearch(4), " ", sorted.bsearch(0), " ", sorted.bsearch(10))
	print([4, 9, 2].max(), " ", [4, 9, 2].min(), " ", [].max(), " ", [1, 2.5].max())
	print(["b", "a"].max(), " ", [1, "a"].max())
	quit()
