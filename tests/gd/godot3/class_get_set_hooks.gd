extends SceneTree

class Bag:
	var store = {}
	var real = "real value"
	func _get(property):
		if property.begins_with("v_"):
			return store.get(property, "unset")
		return null
	func _set(property, value):
		if property.begins_with("v_"):
			store[property] = value
			return true
		return false

func _init():
	var b = Bag.new()
	print(b.get("v_a"))
	b.set("v_a", 5)
	print(b.get("v_a"), " ", b.store)
	b.v_b = "dot"
	print(b.v_b)
	print(b.real, " ", b.get("real"))
	b.set("real", "changed")
	print(b.real)
	b.set("unknown_prop", 1)
	print(b.get("unknown_prop"))
	quit()
