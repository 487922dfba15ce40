extends SceneTree

func _init():
	print("never printed")
	var x = (1 + 
	quit(5)
