extends SceneTree

func _init():
	prints("a", "b", 3, 4.5)
	printt("a", "b", 3, 4.5)
	prints()
	printt()
	prints([1, 2], {"k": 1})
	printt(null, true)
	printraw("raw1")
	printraw("raw2\n")
	printraw(1, 2, "\n")
	print("end")
	quit()
