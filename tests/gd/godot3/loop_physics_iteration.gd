extends SceneTree

var steps = 0

func _iteration(delta):
	steps += 1
	print("iteration ", steps, " delta ", delta)
	if steps == 3:
		quit()
	return false

func _init():
	print("physics fps ", Engine.iterations_per_second)
