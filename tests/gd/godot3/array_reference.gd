extends SceneTree

func add_item(list):
	list.append("added")

func replace_list(list):
	list = ["new"]
	return list

func _init():
	var a = [1, 2]
	var b = a
	b.append(3)
	print(a, " ", b)
	add_item(a)
	print(a)
	var c = replace_list(a)
	print(a, " ", c)
	var outer = [a, a]
	a.append("shared")
	print(outer)
	print(a == b, " ", a == [1, 2, 3, "added", "shared"], " ", [1, 2] == [1, 2.0])
	var d = a.duplicate()
	d.append(0)
	print(a.size(), " ", d.size())
	var matrix = []
	for i in 3:
		matrix.append([i, i * i])
	print(matrix)
	quit()
