extends SceneTree

func fail():
	var x = null
	x.call_something()

func _init():
	print("before")
	fail()
	print("after failure, quitting with 2")
	quit(2)
