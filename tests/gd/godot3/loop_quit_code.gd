extends SceneTree

func _init():
	print("quitting with code 3")
	quit(3)
	print("quit() does not stop the function")
