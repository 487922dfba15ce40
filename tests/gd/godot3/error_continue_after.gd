extends SceneTree

var log_lines = []

func risky(step):
	log_lines.append("start " + str(step))
	if step == 2:
		var d = {}
		log_lines.append(d.missing_key)
	log_lines.append("end " + str(step))
	return step

func _init():
	var results = []
	for step in range(4):
		results.append(risky(step))
	print(results)
	print(log_lines)
	quit()
