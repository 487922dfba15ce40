extends SceneTree

func _init():
	var a = [1, 2, 3]
	print(a.hash() == [1, 2, 3].hash(), " ", a.hash() == [3, 2, 1].hash())
	print(a.empty(), " ", [].empty())
	var f = []
	f.resize(3)
	print(f)
	print(Array(PoolIntArray([7, 8])), " ", Array(PoolStringArray(["s"])))
	print([1, [2, 3]].size(), " ", len([1, 2, 3]))
	var b = [0]
	b.push_back(1)
	print(b)
	print(range(3) + range(2))
	print([[1, 2], [3]][1][0])
	print(str([1, [2, [3, [4]]]]))
	print([null, null].size())
	quit()
