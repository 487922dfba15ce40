extends SceneTree

class Watcher extends Node:
	func _notification(what):
		match what:
			NOTIFICATION_PREDELETE:
				print("predelete")
			NOTIFICATION_PARENTED:
				print("parented")
			NOTIFICATION_UNPARENTED:
				print("unparented")
			NOTIFICATION_ENTER_TREE:
				print("enter tree")
			NOTIFICATION_EXIT_TREE:
				print("exit tree")

class Ref extends Reference:
	func _notification(what):
		if what == NOTIFICATION_PREDELETE:
			print("ref predelete")

func make_ref():
	var r = Ref.new()
	print("ref made")

func _init():
	var w = Watcher.new()
	var parent = Node.new()
	parent.add_child(w)
	parent.remove_child(w)
	w.notification(12345)
	w.free()
	parent.free()
	make_ref()
	print("end")
	quit()
