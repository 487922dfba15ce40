extends SceneTree

func steps():
	print("step 1")
	var got = yield()
	print("step 2 got ", got)
	got = yield()
	print("step 3 got ", got)
	return "finished"

func _init():
	var state = steps()
	print(state is GDScriptFunctionState, " ", state.is_valid())
	state = state.resume("a")
	print(state.is_valid())
	var result = state.resume("b")
	print("result ", result)
	quit()
