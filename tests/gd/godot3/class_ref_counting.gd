extends SceneTree

class Tracked:
	var label
	func _init(l):
		label = l
		print("created ", label)
	func _notification(what):
		if what == NOTIFICATION_PREDELETE:
			print("freed ", label)

func make_temp():
	var t = Tracked.new("temp")
	return "made"

func _init():
	print(make_temp())
	var keep = Tracked.new("kept")
	var list = [Tracked.new("in list")]
	print("clearing list")
	list.clear()
	print("list cleared")
	keep = Tracked.new("replacement")
	print("replaced")
	print("end")
	quit()
