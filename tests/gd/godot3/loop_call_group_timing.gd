extends SceneTree

class Member extends Node:
	func shout(word):
		print(name, " shouts ", word)

func _init():
	var m = Member.new()
	m.name = "M"
	m.add_to_group("team")
	root.add_child(m)
	call_group("team", "shout", "queued")
	print("after call_group: nothing printed yet")
	call_deferred("finish")
	print("end of _init")

func finish():
	print("finish runs after the queued group call")
	quit()
