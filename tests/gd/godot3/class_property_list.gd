extends SceneTree

class Item:
	var title = "t"
	var price: float = 1.5
	const KIND = "item"
	export var stock = 3
	var _hidden = 0

func _init():
	var item = Item.new()
	var rows = []
	for p in item.get_property_list():
		if p.usage & PROPERTY_USAGE_SCRIPT_VARIABLE:
			rows.append("%s type=%d" % [p.name, p.type])
	print(rows)
	print(item.get("title"), " ", item.get("price"), " ", item.KIND, " ", Item.KIND)
	var script_methods = []
	for m in item.get_script().get_script_method_list():
		script_methods.append(m.name)
	print(script_methods)
	print(item.get_script().get_script_constant_map())
	quit()
