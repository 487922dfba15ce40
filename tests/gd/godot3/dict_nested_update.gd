extends SceneTree

func _init():
	var inventory = {}
	for item in ["apple", "pear", "apple", "fig", "apple", "pear"]:
		if not inventory.has(item):
			inventory[item] = {"count": 0, "slots": []}
		inventory[item]["count"] += 1
		inventory[item].slots.append(inventory[item].count)
	print(inventory)
	print(inventory.keys())
	print(inventory.apple.slots, " ", inventory["fig"]["count"])
	var copy = inventory.duplicate(true)
	copy.apple.count = 0
	print(inventory.apple.count, " ", copy.apple.count)
	var merged = {}
	for source in [{"a": 1, "b": 2}, {"b": 3, "c": 4}]:
		for k in source:
			merged[k] = source[k]
	print(merged, " ", merged.keys())
	quit()
