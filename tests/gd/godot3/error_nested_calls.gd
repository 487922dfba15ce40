extends SceneTree

func level3():
	var a = []
	return a[0]

func level2():
	var v = level3()
	print("level2 continues with ", v)
	return "level2 done"

func level1():
	var r = level2()
	print("level1 got ", r)
	return r

func _init():
	print(level1())
	quit()
