extends SceneTree

func _init():
	var a = [3, 1, 2]
	a.append(4)
	a.push_back(5)
	a.push_front(0)
	print(a)
	a.insert(2, "ins")
	print(a)
	a.remove(2)
	print(a)
	a.erase(4)
	a.erase(99)
	print(a)
	print(a.pop_back(), " ", a.pop_front(), " ", a)
	a.resize(6)
	print(a)
	a.resize(2)
	print(a)
	a.clear()
	print(a, " ", a.empty(), " ", a.size())
	print(a.pop_back(), " ", a)
	a += [1, 2]
	print(a)
	quit()
