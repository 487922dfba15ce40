extends SceneTree

class Member extends Node:
	func _init(n):
		name = n
	func shout(word):
		print(name, " shouts ", word)

func _init():
	for n in ["One", "Two", "Three"]:
		var m = Member.new(n)
		m.add_to_group("team")
		root.add_child(m)
	print(get_nodes_in_group("team").size(), " ", has_group("team"), " ", has_group("nobody"))
	call_group("team", "shout", "hey")
	print("after call_group")
	call_group_flags(GROUP_CALL_REALTIME, "team", "shout", "realtime")
	print("after realtime call")
	get_nodes_in_group("team")[0].shout("direct")
	print(root.get_child_count(), " ", root.get_child(1).name, " ", root.get_node("Three").is_in_group("team"))
	for child in root.get_children():
		child.free()
	print(root.get_child_count())
	quit()
