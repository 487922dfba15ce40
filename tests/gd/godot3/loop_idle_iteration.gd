extends SceneTree

var idle_count = 0

func _initialize():
	print("initialize")

func _init():
	print("init")

func _idle(delta):
	idle_count += 1
	print("idle ", idle_count, " delta is float: ", typeof(delta) == TYPE_REAL)
	if idle_count == 3:
		quit()
		print("quit requested")
	return true

func _finalize():
	print("finalize, idle count ", idle_count)
