extends SceneTree

enum {ALPHA, BETA, GAMMA = 10, DELTA}
enum State {IDLE, RUNNING = 5, JUMPING}
enum Empty {}

func _init():
	print(ALPHA, " ", BETA, " ", GAMMA, " ", DELTA)
	print(State.IDLE, " ", State.RUNNING, " ", State.JUMPING)
	print(State)
	print(State.keys())
	print(State.values())
	print(State.size(), " ", State.has("IDLE"), " ", Empty)
	print(State["RUNNING"])
	for k in State:
		printraw(k, " ")
	print()
	var s = State.JUMPING
	match s:
		State.IDLE:
			print("idle")
		State.JUMPING:
			print("jumping")
	quit()
