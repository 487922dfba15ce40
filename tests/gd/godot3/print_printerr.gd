extends SceneTree

func _init():
	print("to stdout")
	printerr("to stderr")
	printerr("several", " ", 1, 2.0, [3])
	print("again stdout")
	push_error("pushed error")
	push_warning("pushed warning")
	print("done")
	quit()
