extends SceneTree

func counter(limit):
	var i = 0
	while i < limit:
		yield()
		i += 1
		print("counted ", i)
	return i * 10

func _init():
	var state = counter(3)
	var rounds = 0
	while state is GDScriptFunctionState:
		rounds += 1
		state = state.resume()
	print("rounds ", rounds, " result ", state)
	var immediate = counter(0)
	print("immediate ", immediate)
	quit()
