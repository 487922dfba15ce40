extends SceneTree

func change(pool):
	pool.append(99)
	pool[0] = -1
	return pool

func _init():
	var a = PoolIntArray([1, 2, 3])
	var b = a
	b.append(4)
	b[0] = 100
	print(a, " ", b)
	var c = change(a)
	print(a, " ", c)
	var s = PoolStringArray(["x"])
	var arr = [s]
	arr[0].append("y")
	print(arr, " ", s)
	var v = PoolVector2Array()
	v.push_back(Vector2(1, 2))
	var w = v
	w.set(0, Vector2(9, 9))
	print(v, " ", w)
	var r = PoolRealArray([1.5])
	r.resize(3)
	print(r)
	quit()
