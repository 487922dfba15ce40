extends SceneTree

func once():
	yield()
	return "done"

func resume_twice(state):
	print(state.resume())
	print(state.is_valid())
	print(state.resume())
	print("after second resume")

func _init():
	var s = once()
	print(s.is_valid())
	resume_twice(s)
	print("end")
	quit()
