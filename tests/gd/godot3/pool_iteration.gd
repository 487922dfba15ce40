extends SceneTree

func _init():
	var p = PoolIntArray([3, 1, 2])
	var total = 0
	for v in p:
		total += v
	print(total)
	for i in p.size():
		p[i] = p[i] * 10
	print(p)
	var s = PoolStringArray()
	for word in ["x", "y"]:
		s.append(word)
	s.push_back("z")
	print(s, " ", s.size(), " ", s[2], " ", s[-1])
	print(PoolRealArray([0.5, 1.5])[1], " ", PoolVector3Array([Vector3.ONE])[0])
	print(Array(p).has(10), " ", 10 in Array(p))
	quit()
