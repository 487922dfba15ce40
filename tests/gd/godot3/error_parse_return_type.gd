extends SceneTree

func returns_float() -> float:
	return 7

func _init():
	print("never printed: the script does not compile")
	quit(5)
