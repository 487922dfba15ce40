extends SceneTree

func _init():
	print(undeclared_name)
	quit(5)
