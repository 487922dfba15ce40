extends SceneTree

class Door:
	signal opened(who)

func wait_for(door):
	print("waiting")
	var who = yield(door, "opened")
	print("door opened by ", who)
	return "done waiting"

func _init():
	var door = Door.new()
	var state = wait_for(door)
	print("returned to _init, valid=", state.is_valid())
	state.connect("completed", self, "on_completed")
	door.emit_signal("opened", "alice")
	print("after emit")
	quit()

func on_completed(value):
	print("completed with ", value)
