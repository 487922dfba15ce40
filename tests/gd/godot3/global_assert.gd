extends SceneTree

func _init():
	assert(true)
	assert(1 + 1 == 2)
	assert([1, 2].size() == 2, "size is two")
	print("asserts passed")
	print(OS.is_debug_build())
	quit()
