extends SceneTree

var frames = 0

func _init():
	print("init")
	quit(7)
	print("still in init")

func _idle(_delta):
	frames += 1
	print("idle ran ", frames)
